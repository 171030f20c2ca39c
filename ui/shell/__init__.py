"""The window's frame: application, main window, context, sign-in, lock, first run."""
