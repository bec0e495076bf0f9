using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MasteryEngine.Bench;

/// <summary>
/// redis-benchmark (from redis-tools) against the bench's own redis-server: the rate of a Lua compare-and-set of a
/// state hash like the one Orleans' Redis provider runs on every write (compare <c>etag</c>, set <c>etag</c> and
/// <c>data</c>, refresh the TTL), which bounds what persisted grain writes can reach on that server.
/// </summary>
internal static partial class RedisBenchmarkTool
{
    private const string CompareAndSetScript =
        "local e = redis.call('HGET', KEYS[1], 'etag') " +
        "if e == false or e == ARGV[1] then redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3]) redis.call('EXPIRE', KEYS[1], ARGV[4]) return 1 end " +
        "return 0";

    /// <summary>Requests per second of the script over <paramref name="keys"/> random keys, <paramref name="payloadBytes"/> of data each.</summary>
    public static async Task<double> CompareAndSetRateAsync(int port, int requests, int clients, int keys, int payloadBytes)
    {
        var info = new ProcessStartInfo("redis-benchmark") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q",
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-r", keys.ToString(CultureInfo.InvariantCulture),
            "EVAL", CompareAndSetScript, "1", "student:{__rand_int__}:state", "same-etag", "same-etag", new string('x', payloadBytes), "7776000",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-benchmark did not start (apt-get install redis-tools).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rates = RequestsPerSecond().Matches(output);
        return rates.Count == 0
            ? throw new InvalidOperationException("redis-benchmark printed no rate: " + output + await process.StandardError.ReadToEndAsync())
            : double.Parse(rates[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>HSTRLEN of a hash field, read with redis-cli.</summary>
    public static async Task<int> FieldLengthAsync(int port, string key, string field)
    {
        var info = new ProcessStartInfo("redis-cli") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "HSTRLEN", key, field })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second")]
    private static partial Regex RequestsPerSecond();
}
