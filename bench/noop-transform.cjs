// The baseline codemod: parses each file with the same parser as ours and
// changes nothing.
module.exports = function noopTransform(file, api) {
  api.jscodeshift(file.source);
  return undefined;
};
