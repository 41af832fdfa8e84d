// The secret detector shared by secret-in-prompt (HP601) and the generator.
// Every credential here is fake: a provider prefix, "EXAMPLE" and padding.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/safety/secrets.hpp"

using namespace baton::rules::safety;

namespace {

// `prefix` + `body`, padded with '0' to a tail of exactly `tail` characters.
std::string fake(std::string_view prefix, std::string_view body, std::size_t tail) {
  std::string token(prefix);
  token += body;
  token.append(tail - body.size(), '0');
  return token;
}

const std::string github = fake("ghp_", "EXAMPLEexample", 36);           // 40 characters
const std::string aws = fake("AKIA", "EXAMPLE", 16);                     // 20 characters
const std::string rsa_key =
    "-----BEGIN RSA PRIVATE KEY-----\nEXAMPLEnotArealKey0000+/==\nEXAMPLE0000\n-----END RSA PRIVATE KEY-----";
const std::string webhook = "https://hooks.slack.com/services/T00000000/B00000000/EXAMPLEexample000000000000";

struct Sample {
  std::string secret;
  std::string_view kind;
};

std::vector<Sample> samples() {
  return {
      {aws, aws_access_key_kind},
      {fake("ASIA", "EXAMPLE", 16), aws_access_key_kind},
      {fake("AGPA", "", 16), aws_access_key_kind},
      {fake("AIDA", "", 16), aws_access_key_kind},
      {fake("AROA", "", 16), aws_access_key_kind},
      {fake("ANPA", "", 16), aws_access_key_kind},
      {fake("ANVA", "", 16), aws_access_key_kind},
      {fake("AIPA", "", 16), aws_access_key_kind},
      {github, github_token_kind},
      {fake("gho_", "EXAMPLE", 36), github_token_kind},
      {fake("ghu_", "EXAMPLE", 36), github_token_kind},
      {fake("ghs_", "EXAMPLE", 36), github_token_kind},
      {fake("ghr_", "EXAMPLE", 36), github_token_kind},
      {fake("github_pat_", "EXAMPLE0000000000000000_example", 82), github_token_kind},
      {fake("glpat-", "EXAMPLE-example_", 20), gitlab_token_kind},
      {"xoxb-0000000000-EXAMPLE", slack_token_kind},
      {"xoxa-2-0000000000-EXAMPLE", slack_token_kind},
      {"xoxp-0000000000-0000000000-EXAMPLE", slack_token_kind},
      {"xoxr-EXAMPLE0000", slack_token_kind},
      {"xoxs-EXAMPLE0000", slack_token_kind},
      {webhook, slack_webhook_kind},
      {fake("sk-ant-", "api03-EXAMPLE_example-", 95), anthropic_key_kind},
      {fake("sk-proj-", "EXAMPLE_example-", 40), openai_key_kind},
      {fake("sk-", "EXAMPLE", 48), openai_key_kind},
      {fake("AIza", "EXAMPLE_example-", 35), google_key_kind},
      {fake("sk_live_", "EXAMPLE", 24), stripe_key_kind},
      {fake("rk_live_", "EXAMPLE", 30), stripe_key_kind},
      {rsa_key, private_key_kind},
      {"-----BEGIN PRIVATE KEY-----\nEXAMPLE0000\n-----END PRIVATE KEY-----", private_key_kind},
      {"-----BEGIN OPENSSH PRIVATE KEY-----\nEXAMPLE0000\n-----END OPENSSH PRIVATE KEY-----", private_key_kind},
      {"-----BEGIN EC PRIVATE KEY-----\r\nEXAMPLE0000\r\n-----END EC PRIVATE KEY-----", private_key_kind},
      {"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nEXAMPLE0000\n-----END PGP PRIVATE KEY BLOCK-----",
       private_key_kind},
  };
}

TEST(FindSecrets, FindsEveryKindWithItsExactRange) {
  for (const auto& [secret, kind] : samples()) {
    const auto text = "Use this: " + secret + " and go.";
    const auto matches = find_secrets(text);
    ASSERT_EQ(matches.size(), 1u) << secret;
    EXPECT_EQ(matches[0].offset, 10u) << secret;
    EXPECT_EQ(matches[0].length, secret.size()) << secret;
    EXPECT_EQ(matches[0].kind, kind) << secret;
  }
}

TEST(FindSecrets, FindsTokensAtTheEdgesOfTheText) {
  for (const auto& [secret, kind] : samples()) {
    const auto matches = find_secrets(secret);
    ASSERT_EQ(matches.size(), 1u) << secret;
    EXPECT_EQ(matches[0].offset, 0u);
    EXPECT_EQ(matches[0].length, secret.size());
  }
}

TEST(FindSecrets, FakeLengthsAreRight) {
  EXPECT_EQ(github.size(), 40u);
  EXPECT_EQ(aws.size(), 20u);
  EXPECT_EQ(github, "ghp_EXAMPLEexample0000000000000000000000");
}

TEST(FindSecrets, PasswordInUrlIsThePasswordOnly) {
  const std::string text = "db: postgres://admin:Tr0ub4dor-Example@db.internal:5432/app\n";
  const auto matches = find_secrets(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].offset, text.find("Tr0ub"));
  EXPECT_EQ(matches[0].length, std::string("Tr0ub4dor-Example").size());
  EXPECT_EQ(matches[0].kind, url_password_kind);
}

TEST(FindSecrets, PasswordInUrlVariants) {
  struct Case {
    std::string text;
    std::string password;
  };
  const std::vector<Case> cases = {
      {"redis://:s3cret-Example@cache:6379", "s3cret-Example"},           // no user
      {"https://u:p@ss-Example@host/x", "p@ss-Example"},                   // '@' in the password
      {"jdbc:mysql://root:hunter2@localhost/db", "hunter2"},               // nested scheme
      {"`amqp+ssl://guest:gu3st-Example@mq`", "gu3st-Example"},            // in inline code
      {"[db](mongodb+srv://app:Ex4mple@cluster0.example.net)", "Ex4mple"},  // in a link
      {"ftp://user:a:b@host", "a:b"},                                      // ':' in the password
  };
  for (const auto& [text, password] : cases) {
    const auto matches = find_secrets(text);
    ASSERT_EQ(matches.size(), 1u) << text;
    EXPECT_EQ(matches[0].offset, text.find(password)) << text;
    EXPECT_EQ(matches[0].length, password.size()) << text;
    EXPECT_EQ(matches[0].kind, url_password_kind) << text;
  }
}

TEST(FindSecrets, PlaceholdersAndUrlsWithoutPasswordsAreNotSecrets) {
  for (const auto& text : std::vector<std::string>{
           "https://user@host/path",
           "https://host:8080/path",
           "postgres://user:${DB_PASSWORD}@db",
           "postgres://user:$DB_PASSWORD@db",
           "postgres://user:$(pass show db)@db",
           "postgres://user:<password>@db",
           "postgres://user:{password}@db",
           "postgres://user:{{ db_password }}@db",
           "postgres://user:[REDACTED]@db",
           "postgres://user:%DB_PASSWORD%@db",
           "postgres://user:****@db",
           "postgres://user:xxx@db",
           "postgres://user:XXXXXXXX@db",
           "postgres://user:...@db",
           "postgres://user:…@db",
           "postgres://user:password@db",
           "postgres://user:PASSWORD@db",
           "postgres://user:pass@db",
           "postgres://user:secret@db",
           "postgres://user:changeme@db",
           "postgres://user:@db",
           "postgres://user:pw@",
           "see https://example.com/a:b@c",
           "://user:pw@host",
           "mailto:user:pw@host",
       }) {
    EXPECT_TRUE(find_secrets(text).empty()) << text;
  }
}

TEST(FindSecrets, TokensMustBeWholeWords) {
  for (const auto& text : std::vector<std::string>{
           "x" + github,                                   // prefix continues a word
           "_" + github,
           "9" + github,
           github + "A",                                   // runs on into more letters
           github + "0",
           fake("ghp_", "EXAMPLE", 30),                    // too short
           fake("ghp_", "EXAMPLE", 37),                    // too long
           aws + "x",                                      // lower-case after the key
           fake("AKIA", "EXAMPLE", 15),
           fake("AKIA", "EXAMPLE", 17),
           fake("AKIA", "example", 16),                    // lower-case tail
           "task-" + fake("", "EXAMPLE", 40),              // "sk-" inside a word
           "sk-" + fake("", "EXAMPLE", 31),                // generic sk- needs 32
           "sk-" + fake("", "EXAMPLE", 300),               // a random blob, not a key
           fake("sk-ant-", "EXAMPLE", 19),
           "xoxb-short",
           fake("AIza", "EXAMPLE", 34),
           fake("AIza", "EXAMPLE", 36),
           fake("sk_live_", "EXAMPLE", 23),
           fake("pk_live_", "EXAMPLE", 24),                // publishable, not secret
           fake("sk_test_", "EXAMPLE", 24),
           fake("glpat-", "EXAMPLE", 19),
           "https://hooks.slack.com/services/T00000000/B00000000/short",
           "-----BEGIN PUBLIC KEY-----\nEXAMPLE0000\n-----END PUBLIC KEY-----",
           "-----BEGIN CERTIFICATE-----\nEXAMPLE0000\n-----END CERTIFICATE-----",
           "-----BEGIN XPRIVATE KEY-----",
           "-----BEGIN rsa private key-----",
       }) {
    EXPECT_TRUE(find_secrets(text).empty()) << text;
  }
  // Punctuation ends a token.
  for (const auto& text : std::vector<std::string>{github + ".", github + "_", "(" + github + ")", "\"" + github + "\"",
                                 "-" + github, "/" + github}) {
    const auto matches = find_secrets(text);
    ASSERT_EQ(matches.size(), 1u) << text;
    EXPECT_EQ(matches[0].offset, text.find("ghp_")) << text;
    EXPECT_EQ(matches[0].length, 40u) << text;
  }
}

TEST(FindSecrets, PrivateKeyWithoutEndCoversTheBeginLineAndItsBody) {
  const std::string text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nEXAMPLE0000+/=\nEXAMPLE0000\n\nafter\n";
  const auto matches = find_secrets(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].offset, 5u);
  EXPECT_EQ(text.substr(matches[0].offset, matches[0].length),
            "-----BEGIN RSA PRIVATE KEY-----\nEXAMPLE0000+/=\nEXAMPLE0000");

  const std::string mention = "Keys start with `-----BEGIN RSA PRIVATE KEY-----` and so on.\nNext line";
  const auto mentioned = find_secrets(mention);
  ASSERT_EQ(mentioned.size(), 1u);
  EXPECT_EQ(mention.substr(mentioned[0].offset, mentioned[0].length),
            "-----BEGIN RSA PRIVATE KEY-----` and so on.");

  // An END with another label does not close the block.
  const std::string other = "-----BEGIN RSA PRIVATE KEY-----\n-----END EC PRIVATE KEY-----";
  const auto unmatched = find_secrets(other);
  ASSERT_EQ(unmatched.size(), 1u);
  EXPECT_EQ(unmatched[0].length, std::string("-----BEGIN RSA PRIVATE KEY-----").size());

  // JSON-escaped keys keep BEGIN and END on one line.
  const std::string json = R"({"key": "-----BEGIN PRIVATE KEY-----\nEXAMPLE\n-----END PRIVATE KEY-----\n"})";
  const auto escaped = find_secrets(json);
  ASSERT_EQ(escaped.size(), 1u);
  EXPECT_EQ(json.substr(escaped[0].offset, escaped[0].length),
            R"(-----BEGIN PRIVATE KEY-----\nEXAMPLE\n-----END PRIVATE KEY-----)");
}

TEST(FindSecrets, OverlappingCandidatesKeepTheFirstAndLongest) {
  // A token used as a URL password: one match, named as the token.
  const auto in_url = "git clone https://x-access-token:" + github + "@github.com/org/repo";
  auto matches = find_secrets(in_url);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].offset, in_url.find("ghp_"));
  EXPECT_EQ(matches[0].length, 40u);
  EXPECT_EQ(matches[0].kind, github_token_kind);

  // A token inside a longer password: the password starts first.
  const auto inside = "https://u:pre-" + github + "@host";
  matches = find_secrets(inside);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].kind, url_password_kind);
  EXPECT_EQ(matches[0].offset, inside.find("pre-"));
  EXPECT_EQ(matches[0].length, 44u);

  // A token-looking line inside a key block belongs to the block.
  const auto block = "-----BEGIN PRIVATE KEY-----\n" + aws + "\n-----END PRIVATE KEY-----";
  matches = find_secrets(block);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].kind, private_key_kind);
  EXPECT_EQ(matches[0].length, block.size());

  // "sk-ant-" and "sk-proj-" are never also generic "sk-" keys.
  const auto anthropic = fake("sk-ant-", "api03-EXAMPLE", 40);
  matches = find_secrets(anthropic);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].kind, anthropic_key_kind);

  // Adjacent secrets are all found, sorted by offset.
  const auto several = aws + "," + github + " " + webhook + "\n" + rsa_key;
  matches = find_secrets(several);
  ASSERT_EQ(matches.size(), 4u);
  EXPECT_EQ(matches[0].kind, aws_access_key_kind);
  EXPECT_EQ(matches[1].kind, github_token_kind);
  EXPECT_EQ(matches[1].offset, 21u);
  EXPECT_EQ(matches[2].kind, slack_webhook_kind);
  EXPECT_EQ(matches[3].kind, private_key_kind);
  for (std::size_t i = 1; i < matches.size(); ++i) {
    EXPECT_GE(matches[i].offset, matches[i - 1].offset + matches[i - 1].length);
  }
}

// The secret characters of a sample: what a mask must not show.
std::string_view secret_part(const Sample& sample) {
  std::string_view secret = sample.secret;
  if (sample.kind == private_key_kind) {
    secret.remove_prefix(secret.find('\n') + 1);
    return secret.substr(0, secret.find("-----END"));
  }
  if (sample.kind == slack_webhook_kind) return secret.substr(secret.find("/T"));
  return secret;
}

TEST(MaskSecret, NeverShowsMoreThanFourCharacters) {
  for (const auto& sample : samples()) {
    const auto mask = mask_secret(sample.secret);
    const auto secret = secret_part(sample);
    for (std::size_t i = 0; i + 5 <= secret.size(); ++i) {
      const auto piece = secret.substr(i, 5);
      EXPECT_EQ(mask.find(piece), std::string::npos) << sample.secret << " -> " << mask;
    }
    EXPECT_LT(mask.size(), 90u) << mask;
  }
}

TEST(MaskSecret, Formats) {
  EXPECT_EQ(mask_secret(github), "ghp_… (40 characters)");
  EXPECT_EQ(mask_secret(aws), "AKIA… (20 characters)");
  EXPECT_EQ(mask_secret(rsa_key), "-----BEGIN RSA PRIVATE KEY----- block");
  EXPECT_EQ(mask_secret("-----BEGIN RSA"), "-----BEGIN … PRIVATE KEY----- block");
  EXPECT_EQ(mask_secret(webhook), "https://hooks.slack.com/services/… (79 characters)");
  EXPECT_EQ(mask_secret("https://user:Tr0ub4dor-Example@host.example/path"), "https://user:****@host.example");
  // Short strings show a quarter of their characters.
  EXPECT_EQ(mask_secret("hunter2"), "h… (7 characters)");
  EXPECT_EQ(mask_secret("abc"), "… (3 characters)");
  EXPECT_EQ(mask_secret("x"), "… (1 character)");
  EXPECT_EQ(mask_secret(""), "… (0 characters)");
}

TEST(MaskSecret, MaskMatchShowsTheUrlAroundAPassword) {
  const std::string text = "db: postgres://admin:Tr0ub4dor-Example@db.internal:5432/app\n";
  const auto matches = find_secrets(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(mask_match(text, matches[0]), "postgres://admin:****@db.internal:5432");
  const auto with_token = "see " + github + " here";
  EXPECT_EQ(mask_match(with_token, find_secrets(with_token).at(0)), "ghp_… (40 characters)");
}

TEST(RedactSecrets, ReplacesEverySecret) {
  const auto text = "token " + github + "\ndb postgres://admin:Tr0ub4dor-Example@db/app?x=1\n" + rsa_key +
                    "\naws=" + aws + ";\nclean https://user@host and ${DB_PASSWORD}\n";
  EXPECT_EQ(redact_secrets(text),
            "token [REDACTED GitHub token]\n"
            "db postgres://admin:[REDACTED]@db/app?x=1\n"
            "[REDACTED private key block]\n"
            "aws=[REDACTED AWS access key ID];\n"
            "clean https://user@host and ${DB_PASSWORD}\n");
  // Redacted text is clean, and clean text comes back unchanged.
  EXPECT_TRUE(find_secrets(redact_secrets(text)).empty());
  EXPECT_EQ(redact_secrets("nothing here"), "nothing here");
  EXPECT_EQ(redact_secrets(""), "");
  EXPECT_EQ(redact_secrets(github), "[REDACTED GitHub token]");
}

// Large inputs: every scan stays linear. A quadratic scan would take minutes
// on these, so the suite would time out; no timing is asserted.
std::string repeat(std::string_view unit, std::size_t size) {
  std::string text;
  text.reserve(size + unit.size());
  while (text.size() < size) text += unit;
  return text;
}

constexpr std::size_t megabyte = 1024 * 1024;

TEST(FindSecrets, LargeMarkdownFullOfNearMisses) {
  const std::string near_misses =
      "## Notes\n\nSome prose about ghp_ tokens, sk-short keys, AKIAlower and AIza. "
      "See https://user@host/path and postgres://u:${DB_PASSWORD}@db. `task-list` xoxb- "
      "-----BEGIN PUBLIC KEY----- -----END PUBLIC KEY----- hooks.slack.com/services/T0/B0/x\n";
  const auto text = repeat(near_misses, 5 * megabyte);
  EXPECT_TRUE(find_secrets(text).empty());
  EXPECT_EQ(redact_secrets(text), text);
}

TEST(FindSecrets, PathologicalInputsStayLinear) {
  for (const auto& text : std::vector<std::string>{
           repeat("-xoxb-", megabyte),                    // every prefix bounded, tails run on
           repeat("-sk-ant-glpat-", megabyte),            // tails of one charset, several prefixes
           repeat("a://", megabyte),                      // URL starts without authorities
           repeat("a://b:c", megabyte),                   // authorities without '@'
           repeat("A", megabyte),                         // a first byte everywhere
           "ghp_" + repeat("0", megabyte),                // one endless tail
           "https://u:" + repeat("p", megabyte),          // one endless authority
           "-----BEGIN RSA PRIVATE KEY" + repeat(" ", megabyte),  // an endless label
           repeat("-----END RSA PRIVATE KEY-----\n", megabyte),
       }) {
    // Only a tail that ends within the last 255 bytes can be a token.
    const auto matches = find_secrets(text);
    EXPECT_LE(matches.size(), 1u) << text.substr(0, 40);
    for (const auto& match : matches) EXPECT_GE(match.offset, text.size() - 300);
  }
}

TEST(FindSecrets, ManySecrets) {
  // BEGIN lines without END: each is a block of its own.
  const auto keys = repeat("-----BEGIN RSA PRIVATE KEY-----\n", megabyte);
  EXPECT_EQ(find_secrets(keys).size(), keys.size() / 32);
  const auto tokens = repeat(github + "\n", megabyte);
  EXPECT_EQ(find_secrets(tokens).size(), tokens.size() / 41);
  EXPECT_EQ(redact_secrets(tokens), repeat("[REDACTED GitHub token]\n", tokens.size() / 41 * 24));
}

}  // namespace
