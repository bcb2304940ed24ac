"""Data for the demo catalogue, one ``CASES`` list per module (Korean cities, cities abroad)."""
