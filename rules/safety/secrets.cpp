#include "rules/safety/secrets.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

namespace baton::rules::safety {

namespace {

// ---------------------------------------------------------------------------
// Character classes

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_word(char c) { return is_alnum(c) || c == '_'; }
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// The characters a token's tail may contain.
enum class Charset : std::uint8_t {
  upper_digit,            // [A-Z0-9]
  alnum,                  // [A-Za-z0-9]
  alnum_underscore,       // [A-Za-z0-9_]
  alnum_dash,             // [A-Za-z0-9-]
  alnum_dash_underscore,  // [A-Za-z0-9_-]
};

constexpr bool in_charset(Charset set, char c) {
  switch (set) {
    case Charset::upper_digit:
      return is_upper(c) || is_digit(c);
    case Charset::alnum:
      return is_alnum(c);
    case Charset::alnum_underscore:
      return is_alnum(c) || c == '_';
    case Charset::alnum_dash:
      return is_alnum(c) || c == '-';
    case Charset::alnum_dash_underscore:
      return is_alnum(c) || c == '-' || c == '_';
  }
  return false;
}

// ---------------------------------------------------------------------------
// Provider tokens: a fixed prefix and a tail of `min_tail`..`max_tail`
// characters of one charset. Open-ended tails ("20 or more") are capped at
// `open_max`: a longer run is a random blob, not a token.

constexpr std::size_t open_max = 255;

struct TokenPattern {
  std::string_view prefix;
  std::string_view kind;
  Charset tail;
  std::size_t min_tail;
  std::size_t max_tail;
};

constexpr TokenPattern token_patterns[] = {
    // AWS access key IDs (long-term, temporary, group, user, role, managed
    // policy, version, instance profile).
    {"AKIA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"ASIA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"AGPA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"AIDA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"AROA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"ANPA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"ANVA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    {"AIPA", aws_access_key_kind, Charset::upper_digit, 16, 16},
    // GitHub: personal, OAuth, user-to-server, server-to-server, refresh;
    // fine-grained personal access tokens.
    {"ghp_", github_token_kind, Charset::alnum, 36, 36},
    {"gho_", github_token_kind, Charset::alnum, 36, 36},
    {"ghu_", github_token_kind, Charset::alnum, 36, 36},
    {"ghs_", github_token_kind, Charset::alnum, 36, 36},
    {"ghr_", github_token_kind, Charset::alnum, 36, 36},
    {"github_pat_", github_token_kind, Charset::alnum_underscore, 82, 82},
    // GitLab personal access tokens.
    {"glpat-", gitlab_token_kind, Charset::alnum_dash_underscore, 20, open_max},
    // Slack bot, app, user, refresh and session tokens.
    {"xoxb-", slack_token_kind, Charset::alnum_dash, 10, open_max},
    {"xoxa-", slack_token_kind, Charset::alnum_dash, 10, open_max},
    {"xoxp-", slack_token_kind, Charset::alnum_dash, 10, open_max},
    {"xoxr-", slack_token_kind, Charset::alnum_dash, 10, open_max},
    {"xoxs-", slack_token_kind, Charset::alnum_dash, 10, open_max},
    // Anthropic before the generic "sk-": its tail has dashes, which the
    // generic pattern does not accept, so "sk-ant-..." never matches both.
    {"sk-ant-", anthropic_key_kind, Charset::alnum_dash_underscore, 20, open_max},
    // OpenAI project, service account and admin keys, then legacy keys.
    {"sk-proj-", openai_key_kind, Charset::alnum_dash_underscore, 20, open_max},
    {"sk-svcacct-", openai_key_kind, Charset::alnum_dash_underscore, 20, open_max},
    {"sk-admin-", openai_key_kind, Charset::alnum_dash_underscore, 20, open_max},
    {"sk-", openai_key_kind, Charset::alnum, 32, open_max},
    // Google API keys.
    {"AIza", google_key_kind, Charset::alnum_dash_underscore, 35, 35},
    // Stripe live secret and restricted keys.
    {"sk_live_", stripe_key_kind, Charset::alnum, 24, open_max},
    {"rk_live_", stripe_key_kind, Charset::alnum, 24, open_max},
};

// Every prefix has at least two bytes (the anchor's neighbour is looked up).
constexpr bool valid_patterns() {
  for (const auto& pattern : token_patterns) {
    if (pattern.prefix.size() < 2 || pattern.min_tail == 0 || pattern.min_tail > pattern.max_tail) return false;
  }
  return true;
}
static_assert(valid_patterns());

struct Candidate {
  SecretMatch match;
  int rank = 0;  // at the same range, the lower rank wins (a token over a URL password)
};

// Where a tail's run of its charset ends, remembered per charset: every tail
// that starts inside a run ends where the run ends, so a run is scanned once
// however many prefixes it holds ("-xoxb--xoxb--xoxb-…"). A tail that starts
// a little before the remembered run (prefixes of different lengths) joins it.
class RunCache {
 public:
  std::size_t end_of_run(std::string_view text, std::size_t from, Charset set) {
    auto& run = runs_[static_cast<std::size_t>(set)];
    if (run.valid && from >= run.begin && from <= run.end) return run.end;
    auto end = from;
    while (end < text.size() && in_charset(set, text[end])) {
      if (run.valid && end == run.begin) {
        end = run.end;
        break;
      }
      ++end;
    }
    run = {from, end, true};
    return end;
  }

 private:
  struct Run {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool valid = false;
  };
  std::array<Run, 5> runs_{};
};

// The prefix starts at `at`. The tail is the longest run of its charset; it
// must have an allowed length and be followed by a non-alphanumeric
// character, and the prefix must not continue a word, so that longer strings
// are never half-matched.
std::optional<std::size_t> match_token(std::string_view text, std::size_t at, const TokenPattern& pattern,
                                       RunCache& runs) {
  if (at > 0 && is_word(text[at - 1])) return std::nullopt;
  const auto tail_begin = at + pattern.prefix.size();
  const auto end = runs.end_of_run(text, tail_begin, pattern.tail);
  const auto tail = end - tail_begin;
  if (tail < pattern.min_tail || tail > pattern.max_tail) return std::nullopt;
  if (end < text.size() && is_alnum(text[end])) return std::nullopt;
  return end - at;
}

// Each prefix is searched by its anchor: its first byte that is not a letter
// or digit ('_' in "ghp_", '-' in "sk-"), which is rare in prose, else its
// first byte. One memchr pass per distinct anchor byte; at each hit, the
// patterns with that anchor are compared.
constexpr std::size_t anchor_of(std::string_view prefix) {
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (!is_alnum(prefix[i])) return i;
  }
  return 0;
}

bool has_prefix_at(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text[at + i] != prefix[i]) return false;
  }
  return true;
}

void find_tokens(std::string_view text, std::vector<Candidate>& out) {
  std::array<bool, 256> seen{};
  std::vector<const TokenPattern*> group;
  for (const auto& first : token_patterns) {
    const char anchor = first.prefix[anchor_of(first.prefix)];
    if (seen[static_cast<unsigned char>(anchor)]) continue;
    seen[static_cast<unsigned char>(anchor)] = true;
    // The patterns searched by this anchor, and the bytes that may stand
    // next to it (before it; after it when it is a prefix's first byte):
    // most hits are rejected by one of them ("AAAA", "-----").
    group.clear();
    std::array<bool, 256> before{};
    std::array<bool, 256> after{};
    for (const auto& pattern : token_patterns) {
      const auto offset = anchor_of(pattern.prefix);
      if (pattern.prefix[offset] != anchor) continue;
      group.push_back(&pattern);
      if (offset > 0) before[static_cast<unsigned char>(pattern.prefix[offset - 1])] = true;
      else after[static_cast<unsigned char>(pattern.prefix[1])] = true;
    }
    RunCache runs;
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* hit = begin; hit < end; ++hit) {
      hit = static_cast<const char*>(std::memchr(hit, anchor, static_cast<std::size_t>(end - hit)));
      if (!hit) break;
      const bool may_follow = hit > begin && before[static_cast<unsigned char>(hit[-1])];
      const bool may_lead = hit + 1 < end && after[static_cast<unsigned char>(hit[1])];
      if (!may_follow && !may_lead) continue;
      const auto position = static_cast<std::size_t>(hit - begin);
      for (const auto* pattern : group) {
        const auto offset = anchor_of(pattern->prefix);
        if (position < offset) continue;
        const auto at = position - offset;
        if (!has_prefix_at(text, at, pattern->prefix)) continue;
        if (const auto length = match_token(text, at, *pattern, runs)) {
          out.push_back({{at, *length, pattern->kind}, 0});
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Slack incoming webhooks: https://hooks.slack.com/services/T…/B…/<secret>

constexpr std::string_view slack_webhook_host = "hooks.slack.com/services/";

// Length of the run of `charset` at `at`, scanned up to max + 1 characters.
std::size_t run_of(std::string_view text, std::size_t at, Charset charset, std::size_t max) {
  auto end = at;
  while (end < text.size() && end - at <= max && in_charset(charset, text[end])) ++end;
  return end - at;
}

void find_slack_webhooks(std::string_view text, std::vector<Candidate>& out) {
  for (auto at = text.find(slack_webhook_host); at != std::string_view::npos;
       at = text.find(slack_webhook_host, at + 1)) {
    auto begin = at;
    if (at >= 8 && text.substr(at - 8, 8) == "https://") begin = at - 8;
    else if (at >= 7 && text.substr(at - 7, 7) == "http://") begin = at - 7;
    else if (at > 0 && (is_word(text[at - 1]) || text[at - 1] == '.')) continue;
    auto pos = at + slack_webhook_host.size();
    // T<team>/B<bot>/<secret>
    bool ok = true;
    for (const char lead : {'T', 'B'}) {
      if (pos >= text.size() || text[pos] != lead) {
        ok = false;
        break;
      }
      const auto run = run_of(text, pos + 1, Charset::upper_digit, 64);
      if (run < 6 || run > 64 || pos + 1 + run >= text.size() || text[pos + 1 + run] != '/') {
        ok = false;
        break;
      }
      pos += 1 + run + 1;
    }
    if (!ok) continue;
    const auto secret = run_of(text, pos, Charset::alnum, 64);
    if (secret < 16 || secret > 64) continue;
    out.push_back({{begin, pos + secret - begin, slack_webhook_kind}, 0});
  }
}

// ---------------------------------------------------------------------------
// Private key blocks: -----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?----- through the
// matching END line.

constexpr std::string_view begin_marker = "-----BEGIN ";
constexpr std::string_view end_marker = "-----END ";
constexpr std::string_view dashes = "-----";
constexpr std::size_t max_label = 64;
constexpr std::size_t max_headless_body = 64 * 1024;

// The label of a private key BEGIN line at `at` ("RSA PRIVATE KEY"), if it is one.
std::optional<std::string_view> private_key_label(std::string_view text, std::size_t at) {
  const auto label_begin = at + begin_marker.size();
  auto end = label_begin;
  while (end < text.size() && end - label_begin <= max_label && (is_upper(text[end]) || text[end] == ' ')) ++end;
  const auto label = text.substr(label_begin, end - label_begin);
  if (label.size() > max_label || text.substr(end, dashes.size()) != dashes) return std::nullopt;
  // "PRIVATE KEY", "RSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK"; not "XPRIVATE KEY".
  for (const std::string_view suffix : {std::string_view("PRIVATE KEY"), std::string_view("PRIVATE KEY BLOCK")}) {
    if (label == suffix) return label;
    if (label.size() > suffix.size() && label.ends_with(suffix) && label[label.size() - suffix.size() - 1] == ' ') {
      return label;
    }
  }
  return std::nullopt;
}

bool is_base64_line(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  if (line.empty()) return false;
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return is_alnum(c) || c == '+' || c == '/' || c == '='; });
}

void find_private_keys(std::string_view text, std::vector<Candidate>& out) {
  std::vector<std::size_t> ends;  // positions of "-----END ", found once, on demand
  bool ends_found = false;
  for (auto at = text.find(begin_marker); at != std::string_view::npos; at = text.find(begin_marker, at + 1)) {
    if (at > 0 && text[at - 1] == '-') continue;
    const auto label = private_key_label(text, at);
    if (!label) continue;
    const auto line_end = at + begin_marker.size() + label->size() + dashes.size();
    if (!ends_found) {
      ends_found = true;
      for (auto e = text.find(end_marker); e != std::string_view::npos; e = text.find(end_marker, e + 1)) {
        ends.push_back(e);
      }
    }
    std::size_t end = 0;
    const auto next_end = std::lower_bound(ends.begin(), ends.end(), line_end);
    if (next_end != ends.end()) {
      const auto after = text.substr(*next_end + end_marker.size());
      if (after.starts_with(*label) && after.substr(label->size()).starts_with(dashes)) {
        end = *next_end + end_marker.size() + label->size() + dashes.size();
      }
    }
    if (end == 0) {
      // No END: the rest of the BEGIN line and the base64 lines after it.
      end = text.find('\n', line_end);
      if (end == std::string_view::npos) end = text.size();
      while (end < text.size() && end - at < max_headless_body) {
        auto next = text.find('\n', end + 1);
        if (next == std::string_view::npos) next = text.size();
        if (!is_base64_line(text.substr(end + 1, next - end - 1))) break;
        end = next;
      }
      while (end > line_end && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    }
    out.push_back({{at, end - at, private_key_kind}, 0});
  }
}

// ---------------------------------------------------------------------------
// Passwords in URLs: scheme://user:password@host

constexpr std::size_t max_authority = 1024;

constexpr bool is_scheme_char(char c) { return is_alnum(c) || c == '+' || c == '.' || c == '-'; }

constexpr bool ends_authority(char c) {
  return is_space(c) || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' ||
         c == '<' || c == '>' || c == '\\';
}

struct UrlParts {
  std::size_t scheme = 0;    // first character of the scheme
  std::size_t user = 0;      // after "://"
  std::size_t password = 0;  // after the ':' of the userinfo
  std::size_t at = 0;        // the '@' before the host
  std::size_t host_end = 0;  // end of the authority
};

// The URL whose "://" is at `separator`, when it has a userinfo with a password.
std::optional<UrlParts> parse_url(std::string_view text, std::size_t separator) {
  UrlParts parts;
  auto scheme = separator;
  while (scheme > 0 && separator - scheme < 64 && is_scheme_char(text[scheme - 1])) --scheme;
  while (scheme < separator && !is_alpha(text[scheme])) ++scheme;
  if (scheme == separator) return std::nullopt;
  parts.scheme = scheme;
  parts.user = separator + 3;
  auto end = parts.user;
  while (end < text.size() && !ends_authority(text[end])) {
    if (++end - parts.user > max_authority) return std::nullopt;
  }
  parts.host_end = end;
  const auto authority = text.substr(parts.user, end - parts.user);
  const auto at = authority.rfind('@');
  if (at == std::string_view::npos || at + 1 == authority.size()) return std::nullopt;
  const auto colon = authority.find(':');
  if (colon == std::string_view::npos || colon > at || colon + 1 == at) return std::nullopt;
  parts.password = parts.user + colon + 1;
  parts.at = parts.user + at;
  return parts;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool all_of_chars(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

bool is_variable_name(std::string_view text) {
  return !text.empty() && !is_digit(text.front()) && std::all_of(text.begin(), text.end(), is_word);
}

// Placeholders that documentation writes in place of a password.
bool is_placeholder(std::string_view password) {
  static constexpr std::string_view words[] = {
      "password", "passwd",       "pass",          "pwd",        "pw",      "secret",
      "changeme", "your-password", "your_password", "yourpassword", "mypassword", "example",
      "redacted", "placeholder",  "token",         "...",         "…",
  };
  if (std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return iequals(password, w); })) {
    return true;
  }
  if (all_of_chars(password, "*") || all_of_chars(password, "xX") || all_of_chars(password, ".")) return true;
  const auto enclosed = [&](std::string_view open, char close) {
    return password.size() >= open.size() + 1 && password.starts_with(open) && password.back() == close;
  };
  if (enclosed("<", '>') || enclosed("{", '}') || enclosed("[", ']') || enclosed("${", '}') ||
      enclosed("$(", ')') || enclosed("%", '%')) {
    return true;
  }
  return password.front() == '$' && is_variable_name(password.substr(1));
}

void find_url_passwords(std::string_view text, std::vector<Candidate>& out) {
  for (auto at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 1)) {
    const auto parts = parse_url(text, at);
    if (!parts) continue;
    const auto password = text.substr(parts->password, parts->at - parts->password);
    if (is_placeholder(password)) continue;
    out.push_back({{parts->password, password.size(), url_password_kind}, 1});
  }
}

// ---------------------------------------------------------------------------
// Masking

std::size_t utf8_floor(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string cut(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  return std::string(text.substr(0, utf8_floor(text, max))) + "…";
}

std::string characters(std::size_t count) {
  return " (" + std::to_string(count) + (count == 1 ? " character)" : " characters)");
}

std::string mask_url(std::string_view text, const UrlParts& parts) {
  return std::string(text.substr(parts.scheme, parts.user - parts.scheme)) +
         cut(text.substr(parts.user, parts.password - 1 - parts.user), 32) + ":****@" +
         cut(text.substr(parts.at + 1, parts.host_end - parts.at - 1), 64);
}

}  // namespace

std::vector<SecretMatch> find_secrets(std::string_view text) {
  std::vector<Candidate> candidates;
  find_tokens(text, candidates);
  find_slack_webhooks(text, candidates);
  find_private_keys(text, candidates);
  find_url_passwords(text, candidates);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.match.offset != b.match.offset) return a.match.offset < b.match.offset;
    if (a.match.length != b.match.length) return a.match.length > b.match.length;
    return a.rank < b.rank;
  });
  std::vector<SecretMatch> matches;
  std::size_t covered = 0;
  for (const auto& candidate : candidates) {
    if (!matches.empty() && candidate.match.offset < covered) continue;
    matches.push_back(candidate.match);
    covered = candidate.match.offset + candidate.match.length;
  }
  return matches;
}

std::string mask_secret(std::string_view secret) {
  if (secret.starts_with(begin_marker)) {
    if (const auto label = private_key_label(secret, 0)) {
      return std::string(begin_marker) + std::string(*label) + std::string(dashes) + " block";
    }
    return "-----BEGIN … PRIVATE KEY----- block";
  }
  if (const auto hook = secret.find(slack_webhook_host); hook != std::string_view::npos && hook <= 8) {
    return std::string(secret.substr(0, hook + slack_webhook_host.size())) + "…" + characters(secret.size());
  }
  if (const auto separator = secret.find("://"); separator != std::string_view::npos) {
    if (const auto parts = parse_url(secret, separator)) return mask_url(secret, *parts);
  }
  // A quarter of the characters at most, and never more than 4.
  const auto shown = utf8_floor(secret, std::min<std::size_t>(4, secret.size() / 4));
  return std::string(secret.substr(0, shown)) + "…" + characters(secret.size());
}

std::string mask_match(std::string_view text, const SecretMatch& match) {
  if (match.kind == url_password_kind) {
    // The "://" before the password, searched only as far back as an authority can reach.
    const auto window = match.offset > max_authority + 8 ? match.offset - max_authority - 8 : 0;
    auto separator = text.substr(window, match.offset - window).rfind("://");
    if (separator != std::string_view::npos) {
      separator += window;
      if (const auto parts = parse_url(text, separator); parts && parts->password == match.offset) {
        return mask_url(text, *parts);
      }
    }
    return "****" + characters(match.length);
  }
  return mask_secret(text.substr(match.offset, match.length));
}

std::string redact_secrets(std::string_view text) {
  const auto matches = find_secrets(text);
  if (matches.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const auto& match : matches) {
    out.append(text.substr(copied, match.offset - copied));
    if (match.kind == url_password_kind) {
      out.append("[REDACTED]");
    } else {
      out.append("[REDACTED ").append(match.kind).append("]");
    }
    copied = match.offset + match.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace baton::rules::safety
