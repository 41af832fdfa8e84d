#pragma once

#include "engine/rule.hpp"

// Every rule's metadata, defined next to its check in rules/<family>/hpNNN_*.cpp.
namespace baton::rules {

// Document
extern const engine::RuleMeta unknown_format;        // HP001
extern const engine::RuleMeta section_missing;       // HP002
extern const engine::RuleMeta section_out_of_order;  // HP003
extern const engine::RuleMeta section_duplicated;    // HP004
extern const engine::RuleMeta unclosed_fence;        // HP005
extern const engine::RuleMeta section_blank;         // HP006
extern const engine::RuleMeta template_placeholder;  // HP007
extern const engine::RuleMeta title_drift;           // HP008
extern const engine::RuleMeta file_too_large;        // HP009
extern const engine::RuleMeta nesting_too_deep;      // HP010
extern const engine::RuleMeta handoff_too_long;      // HP011
extern const engine::RuleMeta format_template;       // HP012
extern const engine::RuleMeta section_empty;         // HP013
extern const engine::RuleMeta fence_in_fence;        // HP014

// Section 0
extern const engine::RuleMeta section0_not_first;    // HP101
extern const engine::RuleMeta skill_call_missing;    // HP102
extern const engine::RuleMeta vague_instruction;     // HP103
extern const engine::RuleMeta read_calls_missing;    // HP104
extern const engine::RuleMeta todowrite_missing;     // HP105
extern const engine::RuleMeta todowrite_invalid;     // HP106
extern const engine::RuleMeta checkpoint_missing;    // HP107
extern const engine::RuleMeta constraints_missing;   // HP108
extern const engine::RuleMeta action_in_section0;    // HP109
extern const engine::RuleMeta call_syntax;           // HP110
extern const engine::RuleMeta call_arguments;        // HP111
extern const engine::RuleMeta marker_with_content;   // HP112

// Paths
extern const engine::RuleMeta path_not_absolute;     // HP201
extern const engine::RuleMeta path_in_table_not_absolute;  // HP202
extern const engine::RuleMeta path_missing_on_disk;  // HP203
extern const engine::RuleMeta code_path_not_absolute;
extern const engine::RuleMeta key_path_not_absolute;  // HP205
extern const engine::RuleMeta ephemeral_path;         // HP206  // HP204

// Planning docs
extern const engine::RuleMeta planning_docs_blank;   // HP301
extern const engine::RuleMeta reread_blank;          // HP302
extern const engine::RuleMeta reread_mismatch;       // HP303
extern const engine::RuleMeta step7_missing;         // HP304

// Tasks
extern const engine::RuleMeta task_without_verification;  // HP401
extern const engine::RuleMeta verification_not_runnable;  // HP402
extern const engine::RuleMeta skill_resume_mismatch;      // HP403
extern const engine::RuleMeta artifact_state_blank;       // HP404
extern const engine::RuleMeta definition_of_done_missing; // HP405
extern const engine::RuleMeta exact_position_missing;     // HP406
extern const engine::RuleMeta next_step_without_verification;  // HP407
extern const engine::RuleMeta resume_point_missing;            // HP408

// Machine state
extern const engine::RuleMeta state_yaml_invalid;    // HP501
extern const engine::RuleMeta state_schema;          // HP502
extern const engine::RuleMeta state_mismatch;        // HP503

// Safety
extern const engine::RuleMeta secret_in_prompt;      // HP601
extern const engine::RuleMeta invisible_character;   // HP602
extern const engine::RuleMeta hidden_instruction;    // HP603
extern const engine::RuleMeta prompt_injection;      // HP604

// Implementation prompt
extern const engine::RuleMeta contracts_missing;       // HP701
extern const engine::RuleMeta phases_missing;          // HP702
extern const engine::RuleMeta exit_criteria_missing;   // HP703
extern const engine::RuleMeta exit_criteria_vague;     // HP704
extern const engine::RuleMeta done_checklist_missing;  // HP705
extern const engine::RuleMeta test_commands_missing;   // HP706
extern const engine::RuleMeta risks_missing;           // HP707
extern const engine::RuleMeta rollback_missing;        // HP708
extern const engine::RuleMeta implementation_parts_missing;  // HP709

// Profiles defined as data (spellbook-develop, profile_definitions)
extern const engine::RuleMeta required_section_missing;      // HP801
extern const engine::RuleMeta section_order_mismatch;        // HP802
extern const engine::RuleMeta section_empty_without_marker;  // HP803
extern const engine::RuleMeta section_call_missing;          // HP804
extern const engine::RuleMeta section_path_not_absolute;     // HP805

// Directives (checked by the engine while applying suppressions)
extern const engine::RuleMeta unknown_rule_in_directive;  // HP901
extern const engine::RuleMeta unused_directive;           // HP902
extern const engine::RuleMeta unmatched_disable;          // HP903

}  // namespace baton::rules
