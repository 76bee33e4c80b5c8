"""The embedded lab: emulated boxes on loopback SSH that the real drivers drive (see DESIGN.md)."""
