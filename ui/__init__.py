"""Streamlit components shared by the pages: the frame, lab settings, live training, result views.

Dependencies point one way: labs -> ui -> rnnlab.
"""
