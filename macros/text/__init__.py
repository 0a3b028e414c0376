"""French formatting, a leaf that every layer may use (it imports nothing of Socle's)."""
