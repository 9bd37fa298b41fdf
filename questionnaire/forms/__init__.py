"""One small form per step, by part of the questionnaire. Each field is named after its question
id and posts the spec's values.

- base.py: what every step's form does (StepForm): dates not after today, not before an earlier
  answer (NotBefore), the rules' own errors.
- decision.py: the decision in hand: which one, for whom, who took it, where and when.
- situation.py: held or free, what an OQTF says, how and when the decision reached the person.
- protection.py: age and ties to France, and what an expulsion holds against the person.

A form may read earlier answers through `answer(step, field=None)` to check its own field against
them (a notification cannot come before the decision), so that the error shows on the right step.
"""
