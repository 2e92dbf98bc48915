"""Built-in rule families, one module each. Every module here is discovered by the registry."""
