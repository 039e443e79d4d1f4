"""Accuracy by length as ``bench/seq2seq.py`` measured it (bench/results-seq2seq.md): the page shows
these at once instead of making every visitor wait minutes for three models to train."""

LENGTHS = {
    "task": "reverse",  # the toy task
    "model": "GRU(64)",  # cell and hidden size (embedding 16)
    "steps": 3000,  # training steps per model
    "batch": 64,  # sequences per step
    "lr": 0.003,  # Adam's learning rate
    "seed": 0,
    "n_test": 200,  # fresh test inputs per length
    "lengths": list(range(4, 17)),
    "seconds": {
        "none": 135.9,
        "dot": 209.8,
        "additive": 572.1,
    },  # training seconds of each model (under load)
    "results": {  # exact match per length 4..16
        "none": [1.0, 1.0, 0.98, 0.985, 0.9, 0.805, 0.66, 0.465, 0.215, 0.185, 0.055, 0.01, 0.0],
        "dot": [1.0, 1.0, 1.0, 1.0, 0.995, 1.0, 0.985, 1.0, 0.99, 0.965, 0.97, 0.955, 0.945],
        "additive": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.98],
    },
}
