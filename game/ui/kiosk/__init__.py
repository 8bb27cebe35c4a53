"""The museum kiosk: its config file, the idle timer, the locked mode."""
