using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MasteryEngine.Grains.Tests.Fakes;

namespace MasteryEngine.Grains.Tests.Grains;

public class StudentMasteryMetricsTests
{
    [Fact]
    public async Task Calculations_and_applied_events_are_timed_by_operation()
    {
        var host = new HandBuiltHost();
        var operations = new ConcurrentBag<string>();
        using var listener = new MeterListener
        {
            // Only this host's meter: other tests in the run record on meters of their own factories.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == host.MeterFactory && instrument.Name == "mastery_calculation_duration_seconds")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operations.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        _ = host.Metrics;
        var student = host.GetGrain<IStudentMasteryGrain>("timed");

        await student.CalculateAsync(new ComponentScores(0.5, 0.5, 0.5, 0.5));
        await student.ApplyEventAsync(StudentMasteryGrainTests.Event("quiz", """{"score": 8, "max_score": 10}""", "timed", "e1"));

        Assert.Equal(["calculate", "event"], operations.Order());
    }
}
