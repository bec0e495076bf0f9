namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// Deterministic pseudo-random numbers from a seed and a position (SplitMix64's finaliser), so the same seed
/// always produces the same cohort and re-running the seeding sends the same events with the same ids.
/// </summary>
public static class DemoNoise
{
    /// <returns>A number in [0, 1) that depends only on its arguments.</returns>
    public static double Of(int seed, int student, int day, int salt)
    {
        var x = unchecked(((ulong)(uint)seed << 40) ^ ((ulong)(uint)student << 24) ^ ((ulong)(uint)day << 8) ^ (uint)salt);
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
