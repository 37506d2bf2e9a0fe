"""showtrack: track upcoming TV releases by what is actually known about them."""

__version__ = "0.1.0"
