"""RNN Lab's engine: tiny recurrent models, their training, and views of their insides.

Imports no streamlit: pages depend on this package, never the other way round.
"""

__version__ = "0.1.0"
