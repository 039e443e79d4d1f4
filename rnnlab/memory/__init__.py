"""The Memory lab's engine: activations, the long-range memory task, gradient flow, gates, clipping,
deep RNNs on sine waves and counting. Imports no UI; the views are in :mod:`rnnlab.viz_memory`."""
