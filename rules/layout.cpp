#include "rules/layout.hpp"

#include "document/text_scan.hpp"

namespace baton::rules::layout {

namespace {

using enum SectionKind;
using enum Presence;

// Titles and variants from spellbook's commands/handoff.md and its history.
constexpr Entry table[] = {
    {part, "0", "MANDATORY FIRST ACTIONS"},
    {sub, "0.1", "Workflow Restoration", required, {}, true},
    {sub, "0.2", "Required Document Reads", required, {}, true},
    {sub, "0.3", "Todo State Restoration", required, {"Todo Restoration"}, true},
    {sub, "0.4", "Restoration Checkpoint", required, {"Checkpoint"}, true},
    {sub, "0.5", "Behavioral Constraints", required, {}, true},
    {sub, "0.6", "Orchestrator Identity", optional},
    {sub, "0.7", "Active Skill Constraints", optional},
    {sub, "0.8", "Binding Decisions", optional},
    {part, "1", "SESSION CONTEXT", optional},
    {sub, "1.1", "Organizational Structure", required, {"Organization"}},
    {sub, "1.1.1", "Active Skill Stack", required_since_3},
    {sub, "1.1.2", "Role Clarification", required_since_3},
    {sub, "1.2", "Goal Stack", required, {"The Goal Stack", "Goals"}},
    {sub, "1.3", "Key Technical Concepts"},
    {sub, "1.4", "Decisions Made & Rationale"},
    {sub, "1.5", "Changes Made"},
    {sub, "1.6", "Errors, Fixes & User Corrections"},
    {sub, "1.7", "All User Messages"},
    {sub, "1.8", "Pending Work Items"},
    {sub, "1.9", "Planning & Implementation Documents", required, {"Planning Documents"}, true},
    {sub, "1.10", "Documents to Re-Read", required, {}, true},
    {sub, "1.11", "Session Narrative"},
    {sub, "1.12", "Artifact State at Distillation", required, {}, true},
    {sub, "1.13", "Verification Checklist", required, {}, true},
    {sub, "1.14", "Skill Resume Commands", required, {}, true},
    {sub, "1.15", "Decisions - DO NOT REVISIT", required, {"Binding Decisions"}},
    {sub, "1.16", "Conflict Resolution", required, {"Authority"}},
    {sub, "1.17", "Partial Work Markers"},
    {sub, "1.18", "Quality Gate Status"},
    {sub, "1.19", "Environment State"},
    {sub, "1.20", "Machine-Readable State", required, {"Machine State"}, true},
    {sub, "1.21", "Definition of Done", required, {}, true},
    {sub, "1.22", "Recovery Checkpoints"},
    {sub, "1.23", "Skill Re-Entry Protocol", required_since_3},
    {sub, "1.24", "Known Failure Modes", required_since_3},
    {sub, "1.25", "Conversation Context", required_since_3, {}, false, true},
    {part, "2", "CONTINUATION PROTOCOL", optional},
    {step, "0", "Smoke Test"},
    {step, "0.5", "Anti-Patterns"},
    {step, "1", "Adopt Persona", required, {"Adopt Your Persona"}},
    {step, "2", "Restore Todos", required, {"Restore Todo State"}},
    {step, "3", "Re-Invoke Skill Stack"},
    {step, "3.5", "Workflow Restoration Test"},
    {step, "4", "Check Subagent Status"},
    {step, "5", "Verify Artifact State"},
    {step, "6", "Reconcile with Implementation Docs"},
    // step7-missing reports a missing Step 7 together with its content.
    {step, "7", "Re-Read Critical Documents", optional, {}, true},
    {step, "8", "Resume Exact Position", required, {"Resume YOUR Exact Position"}},
    {step, "9", "Maintain Continuity"},
};

}  // namespace

std::span<const Entry> entries() { return table; }

const Entry* find(SectionKind kind, std::string_view number) {
  for (const auto& entry : table) {
    if (entry.kind == kind && entry.number == number) return &entry;
  }
  return nullptr;
}

std::string_view part_of(const Entry& entry) {
  if (entry.kind == step) return "2";
  return entry.number.substr(0, entry.number.find('.'));
}

const Entry* parent_of(const Entry& entry) {
  switch (entry.kind) {
    case part:
      return nullptr;
    case step:
      return find(part, "2");
    case sub:
      break;
  }
  const auto last_dot = entry.number.rfind('.');
  const auto parent = entry.number.substr(0, last_dot);
  return parent.find('.') == std::string_view::npos ? find(part, parent) : find(sub, parent);
}

std::string display_number(SectionKind kind, std::string_view number) {
  switch (kind) {
    case part:
      return "SECTION " + std::string(number);
    case step:
      return "Step " + std::string(number);
    case sub:
      break;
  }
  return std::string(number);
}

std::string display_name(const Entry& entry) {
  return display_number(entry.kind, entry.number) + (entry.kind == sub ? " " : ": ") +
         std::string(entry.title);
}

std::string layout_version(const doc::Document& document) {
  const auto* section = document.find_section(sub, "1.20");
  if (!section) return "3.0";
  for (const auto* fence : doc::Document::within(document.fences(), section->body)) {
    const auto content = document.text(fence->content);
    const auto at = content.find("format_version:");
    if (at == std::string_view::npos) continue;
    auto value = content.substr(at + 15);
    value = value.substr(0, value.find('\n'));
    value = doc::trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return "3.0";
}

bool part_present(const doc::Document& document, std::string_view number) {
  for (const auto& section : document.sections()) {
    if (section.kind == part && section.number == number) return true;
    if (section.kind == step && number == "2") return true;
    if (section.kind == sub && section.number.substr(0, section.number.find('.')) == number) return true;
  }
  return false;
}

bool is_required(const Entry& entry, const doc::Document& document, std::string_view version) {
  if (entry.presence == optional) return false;
  if (entry.presence == required_since_3 && version == "2.0") return false;
  if (entry.kind == part) return true;
  const auto owner = part_of(entry);
  return owner == "0" || part_present(document, owner);
}

}  // namespace baton::rules::layout
