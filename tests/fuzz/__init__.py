"""A fuzz harness for the readers: mutate real inputs, read each, count documents, clean errors and crashes.

python -m tests.fuzz --cases 10000                 # every reader
python -m tests.fuzz --reader docx --seed 3        # one reader, another seed
python -m tests.fuzz --reader text --case 123      # replay one case, with its traceback
"""
