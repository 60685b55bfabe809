"""Live charts: each builds its pyqtgraph items once and updates them with setData/setOpts."""
