namespace MasteryEngine.Runtime;

/// <summary>
/// Hands out grain references. A reference is cheap and holds no activation: the first call through it
/// activates the grain, like Orleans' <c>IGrainFactory.GetGrain</c>.
/// </summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
