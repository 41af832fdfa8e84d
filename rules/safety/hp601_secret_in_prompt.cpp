#include <fmt/format.h>

#include "engine/rule_context.hpp"
#include "rules/rules.hpp"
#include "rules/safety/secrets.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  // Everywhere: code blocks and HTML comments leak as much as prose does.
  const auto text = context.document().source().text();
  for (const auto& secret : safety::find_secrets(text)) {
    const source::TextRange range{static_cast<std::uint32_t>(secret.offset),
                                  static_cast<std::uint32_t>(secret.offset + secret.length)};
    const auto masked = safety::mask_match(text, secret);
    const bool key = secret.kind == safety::private_key_kind;
    const bool password = secret.kind == safety::url_password_kind;
    context.report(range, fmt::format("{}{}{} in the prompt: {} it and remove it; the next session and "
                                      "anyone with the file can use it",
                                      key ? "" : secret.kind, key ? "" : " ", masked,
                                      password ? "change" : "revoke"));
  }
}

}  // namespace

extern const engine::RuleMeta secret_in_prompt{
    .code = "HP601",
    .name = "secret-in-prompt",
    .family = "Safety",
    .profile = engine::every_file_profile,
    .summary = "The prompt contains a credential: an API token, a private key or a password",
    .what_it_checks = R"md(
The whole file — prose, code blocks, tables and HTML comments alike — must not contain a
credential. Recognised:

- AWS access key IDs: `AKIA`, `ASIA`, `AGPA`, `AIDA`, `AROA`, `ANPA`, `ANVA` or `AIPA` and 16
  capitals or digits;
- GitHub tokens: `ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_` and 36 letters or digits, and
  fine-grained `github_pat_` tokens;
- GitLab personal access tokens (`glpat-`);
- Slack tokens (`xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-`) and Slack webhook URLs
  (`https://hooks.slack.com/services/T…/B…/…`);
- Anthropic API keys (`sk-ant-`);
- OpenAI API keys (`sk-proj-`, `sk-svcacct-`, `sk-admin-`, and `sk-` with 32 or more letters or
  digits);
- Google API keys (`AIza` and 35 characters);
- Stripe live secret and restricted keys (`sk_live_`, `rk_live_`);
- private key blocks: a `-----BEGIN … PRIVATE KEY-----` line (RSA, EC, OpenSSH, PGP, PKCS #8, …)
  through its `-----END` line;
- passwords in URLs: `scheme://user:password@host`.

A token counts only as a whole word: its prefix must not continue a word and it must not run on
into more letters or digits. Placeholders are not passwords: `****`, `<password>`, `${DB_PASSWORD}`,
`$DB_PASSWORD`, `{password}`, `[password]`, `xxx`, `...`, and words such as `password` or
`secret`. Public keys and certificates are not reported. Each secret is reported once, masked: the
message shows at most its first four characters.
)md",
    .why_it_matters = R"md(
A handoff prompt is read by the next session, pasted into chats, committed next to the code and
kept in transcripts. A credential in it works for anyone who has the file, for as long as it is
valid. Removing it from the prompt is not enough: it has already been exposed, so revoke or
change it first. The next session should get secrets the way this one did — from the
environment or a secret store — and the prompt should name the variable, not the value.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("release", "--resume Phase2.Task3 --token ghp_EXAMPLEexample0000000000000000000000")
```

### 0.2 Required Document Reads (EXECUTE SECOND)

The staging database is `postgres://deploy:Tr0ub4dor-Example@db.staging.internal:5432/app`.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("release", "--resume Phase2.Task3")
```

The release skill reads the GitHub token from `$GITHUB_TOKEN`.

### 0.2 Required Document Reads (EXECUTE SECOND)

The staging database is `postgres://deploy:${DB_PASSWORD}@db.staging.internal:5432/app`.
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
