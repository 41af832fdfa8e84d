#pragma once

// PEGTL actions that build Call/Argument/Value from the call grammar. Actions
// fire only on rules that cannot be backtracked over once matched (see
// call_grammar.hpp), so the state never needs undoing; after a parse_error the
// partly built call is simply dropped.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/call_ast.hpp"
#include "source/unicode.hpp"
#include "grammar/call_grammar.hpp"

namespace baton::grammar::detail {

// Appends code point `cp` to `out` as UTF-8.
// Decodes the inside of a string the grammar has already validated.
inline std::string decode_string(std::string_view s) { return source::decode_json_escapes(s); }

struct ScanState {
  ScanState(std::string_view text, std::uint32_t base, std::vector<Call>& out)
      : begin(text.data()), base_offset(base), calls(out) {}

  std::uint32_t offset(const char* p) const {
    return base_offset + static_cast<std::uint32_t>(p - begin);
  }
  TextRange range(const char* b, const char* e) const { return {offset(b), offset(e)}; }

  // Places a finished value into the innermost open container, or makes it
  // the next argument of the call.
  void emit(Value v) {
    if (open.empty()) {
      Argument arg;
      arg.keyword = std::move(keyword);
      arg.keyword_range = keyword_range;
      arg.value = std::move(v);
      call.arguments.push_back(std::move(arg));
      keyword.reset();
      keyword_range = {};
    } else if (open.back().kind == Value::Kind::array) {
      open.back().elements.push_back(std::move(v));
    } else {
      open.back().members.back().value = std::move(v);
    }
  }

  void open_container(Value::Kind kind, const char* at) {
    Value v;
    v.kind = kind;
    v.range = {offset(at), offset(at)};
    open.push_back(std::move(v));
  }

  void close_container(const char* end) {
    Value v = std::move(open.back());
    open.pop_back();
    v.range.end = offset(end);
    emit(std::move(v));
  }

  void add_key(std::string key, TextRange key_range) {
    Value::Member m;
    m.key = std::move(key);
    m.key_range = key_range;
    open.back().members.push_back(std::move(m));
  }

  const char* begin;
  std::uint32_t base_offset;
  std::vector<Call>& calls;

  Call call;                           // the call being parsed
  std::vector<Value> open;             // arrays and objects not yet closed, innermost last
  std::optional<std::string> keyword;  // keyword of the argument being parsed
  TextRange keyword_range;
  std::uint32_t string_open = 0;  // document offset of the last opening quote
};

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

template <>
struct action<peg::call_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.call = Call{};
    st.open.clear();
    st.keyword.reset();
    st.call.name = in.string();
    st.call.name_range = st.range(in.begin(), in.end());
    st.call.range.begin = st.call.name_range.begin;
  }
};

template <>
struct action<peg::call_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.call.range.end = st.offset(in.end());
  }
};

template <>
struct action<peg::comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.call.comment = st.range(in.begin(), in.end());
  }
};

template <>
struct action<peg::call_line> {
  static void apply0(ScanState& st) { st.calls.push_back(std::move(st.call)); }
};

template <>
struct action<peg::keyword_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.keyword = in.string();
    st.keyword_range = st.range(in.begin(), in.end());
  }
};

// Remembered so that an unterminated string can be reported at its opening quote.
template <>
struct action<peg::dq_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.string_open = st.offset(in.begin());
  }
};

template <>
struct action<peg::sq_open> : action<peg::dq_open> {};

template <>
struct action<peg::string_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    const std::string_view raw(in.begin(), in.size());
    Value v;
    v.kind = Value::Kind::string;
    v.range = st.range(in.begin(), in.end());
    v.text = decode_string(raw.substr(1, raw.size() - 2));
    v.quote = raw.front();
    st.emit(std::move(v));
  }
};

template <>
struct action<peg::number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    Value v;
    v.kind = Value::Kind::number;
    v.range = st.range(in.begin(), in.end());
    v.text = in.string();
    st.emit(std::move(v));
  }
};

template <>
struct action<peg::bare_word> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    const std::string_view word(in.begin(), in.size());
    Value v;
    // Python spellings are accepted because prompts often show Python-style calls.
    if (word == "true" || word == "false" || word == "True" || word == "False") {
      v.kind = Value::Kind::boolean;
    } else if (word == "null" || word == "None") {
      v.kind = Value::Kind::null;
    } else {
      v.kind = Value::Kind::identifier;
    }
    v.range = st.range(in.begin(), in.end());
    v.text = word;
    st.emit(std::move(v));
  }
};

template <>
struct action<peg::nesting_allowed> {
  static bool apply0(const ScanState& st) {
    return st.open.size() < static_cast<std::size_t>(max_value_depth);
  }
};

template <>
struct action<peg::array_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.open_container(Value::Kind::array, in.begin());
  }
};

template <>
struct action<peg::object_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.open_container(Value::Kind::object, in.begin());
  }
};

template <>
struct action<peg::array_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.close_container(in.end());
  }
};

template <>
struct action<peg::object_close> : action<peg::array_close> {};

template <>
struct action<peg::member_key_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    st.add_key(in.string(), st.range(in.begin(), in.end()));
  }
};

template <>
struct action<peg::member_key_string> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ScanState& st) {
    const std::string_view raw(in.begin(), in.size());
    st.add_key(decode_string(raw.substr(1, raw.size() - 2)), st.range(in.begin(), in.end()));
  }
};

}  // namespace baton::grammar::detail
