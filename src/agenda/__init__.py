"""Engine of the samenwerkingsagenda: load, validate and render a region's data."""
