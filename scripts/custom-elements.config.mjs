// Configuration of @custom-elements-manifest/analyzer for emovox (used by scripts/custom-elements.mjs).
// Our elements register themselves through `defineElement(ctor)` with a `static readonly tagName`, which
// the analyzer cannot follow; the plugin below reads that field instead, and leaves out internal
// reactive state (`state: true`) and members marked `@internal`.

/** Names of `static properties` entries declared `{ state: true }` in a class. */
function stateProperties(ts, classNode) {
  const names = new Set();
  for (const member of classNode.members) {
    if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const prop of member.initializer.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
      const isState = prop.initializer.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
      if (isState) names.add(prop.name.getText());
    }
  }
  return names;
}

function emovoxElements() {
  return {
    name: 'emovox-elements',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === node.name.getText());
      if (!classDoc) return;
      const hidden = stateProperties(ts, node);
      for (const member of node.members) {
        if (member.name && ts.getJSDocTags(member).some((tag) => tag.tagName.getText() === 'internal')) hidden.add(member.name.getText());
        const isTagName = ts.isPropertyDeclaration(member) && member.name.getText() === 'tagName'
          && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) && member.initializer && ts.isStringLiteral(member.initializer);
        if (!isTagName) continue;
        classDoc.tagName = member.initializer.text;
        classDoc.customElement = true;
        moduleDoc.exports = [...(moduleDoc.exports ?? []), {
          kind: 'custom-element-definition', name: classDoc.tagName, declaration: { name: classDoc.name, module: moduleDoc.path },
        }];
      }
      classDoc.members = classDoc.members?.filter((m) => !hidden.has(m.name));
      classDoc.attributes = classDoc.attributes?.filter((a) => !hidden.has(a.fieldName ?? a.name));
    },
    packageLinkPhase({ customElementsManifest }) {
      // `customElements.define(ctor.tagName, ctor)` inside defineElement() is not a definition of its own.
      for (const moduleDoc of customElementsManifest.modules) {
        moduleDoc.exports = moduleDoc.exports?.filter((e) => e.kind !== 'custom-element-definition' || typeof e.name === 'string');
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.test.ts'],
  litelement: true,
  // The analyzer would otherwise write the output path into package.json on every run (also for test runs into temp folders).
  packagejson: false,
  plugins: [emovoxElements()],
};
