import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { narrativeFragment, setRoleStatement } from '../../../../shared/value/doc/valueDoc';
import { inkFor } from '../../components/inkFor';
import { LOCAL } from '../../session/rooms';

/** A co-editor's caret: their colour, and a name label whose text keeps its contrast on that colour (either theme). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#888888';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = inkFor(color);
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : 'Someone';
  caret.append(label);
  return caret;
}

/**
 * The co-edited mission narrative: rich text in the project document (a Y.XmlFragment whose
 * paragraphs are Y.XmlText), bound to Tiptap through y-prosemirror, with co-editors' carets from
 * the project document's presence. Each member's role statement sits beside it.
 */
export function NarrativeEditor({ doc, awareness, user, me, name, roles, members }: { doc: Y.Doc; awareness: Awareness | undefined; user: { name: string; color: string }; me: string; name: (id: string) => string; roles: Record<string, string>; members: string[] }) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: narrativeFragment(doc) }),
        ...(awareness ? [CollaborationCaret.configure({ provider: { awareness }, user, render: renderCaret })] : []),
      ],
      editorProps: { attributes: { 'data-testid': 'narrative-editor', class: 'value-narrative-text', 'aria-label': 'Mission narrative' } },
    },
    [doc, awareness],
  );
  return (
    <div className="value-narrative" data-testid="narrative">
      <p className="small muted">The team’s mission, written together. Everyone’s caret shows where they are typing.</p>
      <EditorContent editor={editor} />
      <h4>Role statements</h4>
      {members.length === 0 && <p className="small muted">Each member of a milestone (payer or payee) writes here how their role serves the mission; it is shown to them above their project’s ledger.</p>}
      <ul className="value-roles">
        {members.map((id) => (
          <li key={id} className={id === me ? 'me' : ''}>
            <strong>{name(id)}</strong>
            {id === me ? (
              <input defaultValue={roles[id] ?? ''} placeholder="Your role in this mission" onBlur={(e) => e.target.value !== (roles[id] ?? '') && setRoleStatement(doc, id, e.target.value, LOCAL)} data-testid="my-role-statement" />
            ) : (
              <span> {roles[id] || <em className="muted">no statement yet</em>}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
