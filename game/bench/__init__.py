"""`python -m game bench`: performance figures and fuzzing campaigns."""
