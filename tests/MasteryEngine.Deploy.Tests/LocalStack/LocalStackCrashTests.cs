namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary><c>scripts/local-stack.sh</c> when one of its members dies: one line naming it, and no member left running.</summary>
public sealed class LocalStackCrashTests
{
    [Fact]
    public async Task A_silo_that_dies_is_one_line_naming_it_and_its_exit_code_and_the_rest_of_the_stack_stops()
    {
        await using var stack = LocalStackRun.Start();
        var silo = await MemberAsync(stack, "MasteryEngine.Silo.dll");
        var members = stack.MemberProcessIds();

        await CommandRun.RunAsync("kill", ["-KILL", silo.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, await stack.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(stack.ErrorLines);
        Assert.StartsWith("local-stack: the silo exited (code 137, SIGKILL): ", line, StringComparison.Ordinal);
        Assert.Contains("silo.log", line, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalStackRun.Banner, stack.Output, StringComparison.Ordinal);
        Assert.All(members, pid => Assert.Equal("", LocalStackRun.CommandLineOf(pid)));
    }

    /// <summary>The headless silo, once the script started it (the broker runs the same dll with <c>kafka-mock</c>).</summary>
    private static async Task<int> MemberAsync(LocalStackRun stack, string dll)
    {
        var found = 0;
        await MasteryEngine.Testing.Eventually.UntilAsync(
            () =>
            {
                found = stack.MemberProcessIds().FirstOrDefault(pid =>
                    LocalStackRun.CommandLineOf(pid) is var command && command.Contains(dll, StringComparison.Ordinal) && !command.Contains("kafka-mock", StringComparison.Ordinal));
                return found != 0;
            },
            TimeSpan.FromSeconds(90),
            "the script started the headless silo");
        return found;
    }
}
