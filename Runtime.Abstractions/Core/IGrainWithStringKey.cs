namespace MasteryEngine.Runtime;

/// <summary>A grain identified by a string key (a student id, a cohort id, a batch id).</summary>
public interface IGrainWithStringKey : IGrain;
