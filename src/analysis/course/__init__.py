"""The course companion: exercises with checked model answers, and the class study's stories.

Students open the workbooks in ``exercises/`` (one per notebook); each exercise
there is defined once in this package, with the package computation that gives
its answer for the student's own synthetic firm (a seed per student).
"""
