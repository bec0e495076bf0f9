using System.Reflection;
using System.Runtime.ExceptionServices;

namespace MasteryEngine.Grains.Tests.Fakes;

/// <summary>A grain reference for <see cref="HandBuiltHost"/>: activates on first use, one call at a time.</summary>
public class TurnProxy<T> : DispatchProxy
{
    private static readonly MethodInfo InvokeTypedMethod =
        typeof(TurnProxy<T>).GetMethod(nameof(InvokeTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly SemaphoreSlim turn = new(1, 1);
    private Func<Task<object>> activate = null!;
    private object? target;

    internal void Bind(Func<Task<object>> activation) => activate = activation;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.ReturnType == typeof(Task))
        {
            return InvokeTypedAsync<bool>(targetMethod, args, untyped: true);
        }

        var resultType = targetMethod.ReturnType.GetGenericArguments()[0];
        return InvokeTypedMethod.MakeGenericMethod(resultType).Invoke(this, [targetMethod, args, false]);
    }

    private async Task<TResult> InvokeTypedAsync<TResult>(MethodInfo method, object?[]? args, bool untyped)
    {
        await turn.WaitAsync();
        try
        {
            target ??= await activate();
            object? returned;
            try
            {
                returned = method.Invoke(target, args);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }

            if (untyped)
            {
                await (Task)returned!;
                return default!;
            }

            return await (Task<TResult>)returned!;
        }
        finally
        {
            turn.Release();
        }
    }
}
