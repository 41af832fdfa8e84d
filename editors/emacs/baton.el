;;; baton.el --- baton handoff-prompt linter through eglot  -*- lexical-binding: t; -*-

;; Usage: load this file (or copy the forms below into your init file), then
;; M-x eglot in a markdown buffer, or add `eglot-ensure' to `markdown-mode-hook'
;; as below. Needs eglot (built into Emacs 29; a package for 26.3+) and
;; `baton' on PATH (or set `baton-executable').
;;
;; Diagnostics appear through flymake; `eglot-code-actions' offers the quick
;; fixes, "Disable RULE for this line" and source.fixAll.baton; `eldoc' shows
;; the rule docs on hover; `imenu' lists the sections.

;;; Code:

(require 'eglot)

(defgroup baton nil
  "The baton linter for agent handoff prompts."
  :group 'tools)

(defcustom baton-executable "baton"
  "The baton executable; the server is started as `baton lsp'."
  :type 'string
  :group 'baton)

(add-to-list 'eglot-server-programs
             `((markdown-mode gfm-mode markdown-ts-mode)
               . ,(lambda (&rest _) (list baton-executable "lsp"))))

(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'gfm-mode-hook #'eglot-ensure)

(provide 'baton)
;;; baton.el ends here
