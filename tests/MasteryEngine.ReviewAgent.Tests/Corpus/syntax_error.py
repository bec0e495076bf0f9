"""Summaries of a list of exam marks."""


def average(marks):
    """Return the mean of the marks."""
    if not marks
        return 0.0
    return sum(marks) / len(marks)


print(average([72, 45, 88]))
