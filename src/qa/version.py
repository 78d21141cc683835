"""The package version, in a module of its own so that submodules never import the package itself."""

__version__ = "0.1.0"
