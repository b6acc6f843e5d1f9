"""The docks around the viewer; each one listens to the controller through the window."""
