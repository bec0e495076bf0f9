using System.Numerics;
using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The days a student was active, as a 64-bit set: bit i is the day <see cref="LastDay"/> − i (days are
/// <see cref="DateOnly.DayNumber"/>s, UTC). Eight bytes instead of a list of dates keeps a resident student small;
/// activity older than 64 days is forgotten, which is why the consistency window is capped at 64 days.
/// </summary>
public sealed class ActivityLog
{
    public const int Capacity = 64;

    public ulong Bits { get; set; }

    public int LastDay { get; set; }

    [JsonIgnore]
    public bool IsEmpty => Bits == 0;

    public void Record(int day)
    {
        if (Bits == 0)
        {
            Bits = 1;
            LastDay = day;
        }
        else if (day > LastDay)
        {
            var shift = day - LastDay;
            Bits = shift >= Capacity ? 1UL : (Bits << shift) | 1UL;
            LastDay = day;
        }
        else if (LastDay - day < Capacity)
        {
            Bits |= 1UL << (LastDay - day);
        }
    }

    /// <summary>Active days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public int CountActiveDays(int fromExclusive, int toInclusive)
    {
        if (Bits == 0 || toInclusive <= fromExclusive)
        {
            return 0;
        }

        // Bit i is day LastDay - i: keep bits LastDay - toInclusive .. LastDay - fromExclusive - 1.
        var lowBit = Math.Max(0L, (long)LastDay - toInclusive);
        var highBit = Math.Min(Capacity - 1L, (long)LastDay - fromExclusive - 1);
        if (highBit < lowBit)
        {
            return 0;
        }

        var width = (int)(highBit - lowBit + 1);
        var mask = width == Capacity ? ulong.MaxValue : ((1UL << width) - 1) << (int)lowBit;
        return BitOperations.PopCount(Bits & mask);
    }

    public ActivityLog Clone() => new() { Bits = Bits, LastDay = LastDay };
}
