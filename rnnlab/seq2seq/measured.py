"""Accuracy by length as ``bench/seq2seq.py`` measured it (bench/results-seq2seq.md): the page shows
these at once instead of making every visitor wait minutes for three models to train."""

LENGTHS = {
    "task": "reverse",  # the toy task
    "model": "GRU(64)",  # cell and hidden size (embedding 16)
    "steps": 1500,  # training steps per model
    "batch": 64,  # sequences per step
    "lr": 0.005,  # Adam's learning rate
    "seed": 0,
    "n_test": 200,  # fresh test inputs per length
    "lengths": list(range(4, 17)),
    "seconds": {"none": 60.2, "dot": 122.0, "additive": 180.3},  # training seconds of each model
    "results": {  # exact match per length 4..16
        "none": [1.0, 0.985, 0.96, 0.955, 0.845, 0.77, 0.58, 0.4, 0.23, 0.08, 0.035, 0.0, 0.005],
        "dot": [1.0, 0.99, 0.985, 0.99, 0.975, 0.96, 0.975, 0.98, 0.965, 0.905, 0.885, 0.745, 0.7],
        "additive": [1.0, 1.0, 0.99, 1.0, 0.975, 0.99, 0.92, 0.895, 0.91, 0.89, 0.87, 0.89, 0.905],
    },
}
