"""Counts the marks in each band, per class and per exam."""


def band_counts(classes):
    """Return how many marks fall in each band for every class and exam."""
    counts = {}
    for name, exams in classes.items():
        for exam, marks in exams.items():
            for mark in marks:
                if mark is not None:
                    if mark >= 50:
                        if mark >= 65:
                            if mark >= 80:
                                if mark >= 90:
                                    key = (name, exam, "A+")
                                else:
                                    key = (name, exam, "A")
                            else:
                                key = (name, exam, "B")
                        else:
                            key = (name, exam, "C")
                    else:
                        if mark > 0:
                            key = (name, exam, "F")
                        else:
                            key = (name, exam, "absent")
                    counts[key] = counts.get(key, 0) + 1
    return counts


print(band_counts({"7a": {"maths": [72, 45, 95, None, 0]}}))
