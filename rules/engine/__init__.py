"""The law's core: pure Python, no Django anywhere under this package.

From the answers and a moment (`outcome.evaluate(answers, now)`) to the outcome, by the legal
values of rules/law/ and the court data of rules/data/. Words, pages, the API and the calendar
file are built around it, outside this package.
"""
