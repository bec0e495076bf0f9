"""Summaries of a list of exam marks."""


def average(marks):
    """Return the mean of the marks, or 0.0 for an empty list."""
    if not marks:
        return 0.0
    return sum(marks) / len(marks)


def passed(marks, threshold=50):
    """Return the marks at or above the threshold, in their order."""
    return [mark for mark in marks if mark >= threshold]


def grade(mark):
    """Return the letter grade of one mark."""
    if mark >= 80:
        return "A"
    if mark >= 65:
        return "B"
    if mark >= 50:
        return "C"
    return "F"


if __name__ == "__main__":
    MARKS = [72, 45, 88, 61, 50]
    print(average(MARKS), passed(MARKS), [grade(mark) for mark in MARKS])
