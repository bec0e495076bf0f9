using System.Runtime.InteropServices;
using MasteryEngine.Redis.SiloHost;

// Usage: REDIS_HOST=... ORLEANS_CLUSTER_ID=... SILO_NAME=... dotnet MasteryEngine.Redis.SiloHost.dll
// Prints "ready <silo address>" once the silo has joined; SIGTERM leaves the cluster gracefully.
var stop = new TaskCompletionSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
await using var silo = await RedisClusteredSilo.StartAsync(
    Environment.GetEnvironmentVariable("REDIS_HOST") ?? "localhost:6379",
    Environment.GetEnvironmentVariable("ORLEANS_CLUSTER_ID") ?? "test",
    Environment.GetEnvironmentVariable("SILO_NAME") ?? "silo");
Console.WriteLine($"ready {silo.Address}");
await stop.Task;
await silo.StopAsync();
Console.WriteLine("stopped");
