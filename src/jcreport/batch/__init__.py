"""Batch conversion of report archives: many inputs, parallel, resumable, into JSON Lines and SQLite.

inputs.py expands paths, folders, lists and archives into Items; worker.py turns one Item into a
Report or an error (in a worker process, with time and size limits); jsonl.py and sqlite.py are the
resumable sinks; runner.py keeps input order across workers and reports progress, on the local
process pool of executors.py or a Dask cluster (dask_executor.py); deadline.py is the per-document
time limit, in any thread.
"""
