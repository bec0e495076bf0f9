using System.Globalization;

namespace MasteryEngine.Gateway.Demo;

public sealed record DemoDataArguments(Uri Url, int Students, int Days, int Seed)
{
    public static readonly DemoDataArguments Default = new(new Uri("http://localhost:8005"), 16, 35, 7);

    public static bool TryParse(string[] args, out DemoDataArguments arguments, out string error)
    {
        arguments = Default;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https":
                    arguments = arguments with { Url = url };
                    break;
                case "--url":
                    error = "--url must be an absolute http(s) address such as http://localhost:8005.";
                    return false;
                case "--students" when TryInt(value, 1, DemoCohortPlan.MaxStudents, out var students):
                    arguments = arguments with { Students = students };
                    break;
                case "--days" when TryInt(value, 1, 90, out var days):
                    arguments = arguments with { Days = days };
                    break;
                case "--seed" when TryInt(value, 0, int.MaxValue, out var seed):
                    arguments = arguments with { Seed = seed };
                    break;
                case "--students" or "--days" or "--seed":
                    error = $"{args[i]} must be a whole number (students 1..{DemoCohortPlan.MaxStudents}, days 1..90, seed ≥ 0).";
                    return false;
                default:
                    error = $"Unknown option {args[i]}.";
                    return false;
            }
        }

        error = "";
        return true;
    }

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
