"""Summaries of a list of exam marks."""


def average(marks):
    """Return the mean of the marks."""
    if not marks:
        return 0.0
    return totl / len(marks)


def passed(marks):
    """Return the marks at or above the threshold."""
    return [mark for mark in marks if mark >= threshold]


print(average([72, 45, 88]), passed([72, 45]))
