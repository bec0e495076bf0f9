using System.Linq.Expressions;
using System.Reflection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// One method of a grain interface, with a compiled delegate that calls it on a grain instance, so a call costs a
/// delegate invocation instead of <see cref="MethodBase.Invoke(object, object[])"/>.
/// </summary>
internal abstract class GrainMethod(MethodInfo method)
{
    public string Name { get; } = $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>The interface declaring the method, e.g. <c>IStudentMasteryGrain</c>.</summary>
    public string InterfaceName { get; } = method.DeclaringType?.Name ?? "";

    public string MethodName { get; } = method.Name;

    /// <summary>The name of the call's span, e.g. <c>IStudentMasteryGrain/ApplyEventAsync</c>, built once rather than per call.</summary>
    public string SpanName { get; } = $"{method.DeclaringType?.Name}/{method.Name}";

    /// <summary>Sends the call through <paramref name="reference"/>; returns the caller's Task.</summary>
    public abstract object Send(GrainReference reference, object?[] arguments);

    public static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new GrainMethod<VoidResult>(method, AdaptVoid(Compile<Task>(method)));
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var factory = typeof(GrainMethod).GetMethod(nameof(CreateTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(resultType);
            return (GrainMethod)factory.Invoke(null, [method])!;
        }

        throw new InvalidOperationException(
            $"Grain interface method {method.DeclaringType?.FullName}.{method.Name} returns {returnType.Name}; grain methods must return Task or Task<T>.");
    }

    private static GrainMethod<TResult> CreateTyped<TResult>(MethodInfo method) =>
        new(method, Compile<Task<TResult>>(method));

    private static Func<object, object?[], TTask> Compile<TTask>(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters().Select((parameter, index) =>
            Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(index)), parameter.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[], TTask>>(call, grain, arguments).Compile();
    }

    private static Func<object, object?[], Task<VoidResult>> AdaptVoid(Func<object, object?[], Task> call) =>
        (grain, arguments) =>
        {
            var task = call(grain, arguments);
            return task.IsCompletedSuccessfully ? VoidResult.CompletedTask : AwaitVoidAsync(task);
        };

    private static async Task<VoidResult> AwaitVoidAsync(Task task)
    {
        await task;
        return default;
    }
}

/// <summary>A grain method returning <see cref="Task{TResult}"/>; methods returning <see cref="Task"/> use <see cref="VoidResult"/>.</summary>
internal sealed class GrainMethod<TResult>(MethodInfo method, Func<object, object?[], Task<TResult>> call) : GrainMethod(method)
{
    public Task<TResult> Invoke(object grain, object?[] arguments)
    {
        try
        {
            return call(grain, arguments);
        }
        catch (Exception exception)
        {
            // A grain method that is not async may throw before returning a Task: hand the caller the same exception.
            return Task.FromException<TResult>(exception);
        }
    }

    public override object Send(GrainReference reference, object?[] arguments) => reference.SendAsync(this, arguments);
}
