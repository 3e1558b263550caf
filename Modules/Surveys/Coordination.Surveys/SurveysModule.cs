using Coordination.Surveys.Data;
using Coordination.Shared.Modules;

namespace Coordination.Surveys;

/// <summary>Surveys: network feedback, goal evaluations and event feedback.</summary>
public sealed class SurveysModule : IModule
{
    public string Name => "Surveys";

    public void Register(ModuleBuilder module)
        => module.AddDatabase<SurveysDbContext, SqliteSurveysDbContext, PostgresSurveysDbContext>();
}
