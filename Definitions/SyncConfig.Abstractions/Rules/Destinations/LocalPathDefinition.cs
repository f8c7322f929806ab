using System.Collections.Generic;

namespace SyncConfig.Rules
{
    /// <summary><c>[LocalPathSync]</c>.</summary>
    public sealed class LocalPathDefinition : DestinationDefinition
    {
        public string? Path { get; set; }
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? Domain { get; set; }

        public override IEnumerable<KeyValuePair<string, string?>> StringSettings => new[]
        {
            new KeyValuePair<string, string?>(Setting.Path, Path),
            new KeyValuePair<string, string?>(Setting.UserName, UserName),
            new KeyValuePair<string, string?>(Setting.Password, Password),
            new KeyValuePair<string, string?>(Setting.Domain, Domain),
            new KeyValuePair<string, string?>(Setting.FolderName, FolderName),
        };

        public override string TargetLocation =>
            "local:" + (IsDeferred(Path, DefinitionStage.AsWritten) ? Path : LocalPath.Parse(Path).Value?.ToString() ?? Path);

        protected override IEnumerable<RuleViolation> ValidateDestination(DefinitionStage stage)
        {
            var violations = new List<RuleViolation>();
            if (!IsDeferred(Path, stage))
            {
                violations.AddRange(LocalPath.Parse(Path).Violations);
            }

            violations.AddRange(CredentialRules.CheckUser(UserName, Password, Domain));
            violations.AddRange(Secrets(stage, Setting.Password));
            return violations;
        }
    }
}
