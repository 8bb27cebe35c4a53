"""Printed pages: the debrief, the class summary, the teacher pack."""
