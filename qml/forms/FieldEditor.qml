import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// One field of a form: label, hint, the editor for its type, and the validator's message under it.
// The editor is picked from field.type (the JSON definition); every editor writes through controller.
ColumnLayout {
    id: editor

    required property var field
    required property FormController controller
    readonly property bool readOnly: !controller || controller.readOnly || field.assignedBy === "server"
    readonly property string issue: controller ? (controller.issues[field.key] || "") : ""

    spacing: 4

    Label {
        text: editor.field.label + (editor.field.required ? " *" : "")
        font.pixelSize: 16
        font.weight: Font.Medium
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        visible: !!editor.field.hint
        text: editor.field.hint || ""
        opacity: 0.7
        font.pixelSize: 14
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Loader {
        id: loader
        Layout.fillWidth: true
        sourceComponent: {
            switch (editor.field.type) {
            case "text": return editor.field.refersTo === "record" ? recordEditor : textEditor
            case "multiline": return multilineEditor
            case "date": return dateEditor
            case "datetime": return dateTimeEditor
            case "number": return numberEditor
            case "yesno": return yesNoEditor
            case "choice": return choiceEditor
            case "multi": return catalogEditor
            case "member": return memberEditor
            case "participants": return participantsEditor
            case "table": return tableEditor
            case "signature": return signatureEditor
            case "consent": return consentEditor
            default: return null
            }
        }
    }
    Label {
        objectName: "issue"
        visible: editor.issue.length > 0
        text: editor.issue
        color: "#b3261e"
        font.pixelSize: 14
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Component { id: textEditor; TextEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: recordEditor; RecordEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: multilineEditor; TextEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly; multiline: true } }
    Component { id: dateEditor; DateEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: dateTimeEditor; DateEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly; withTime: true } }
    Component { id: numberEditor; NumberEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: yesNoEditor; YesNoEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: choiceEditor; ChoiceEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: catalogEditor; CatalogEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: memberEditor; MemberEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: participantsEditor; RowsEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: tableEditor; RowsEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: signatureEditor; SignaturePad { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
    Component { id: consentEditor; ConsentEditor { field: editor.field; controller: editor.controller; readOnly: editor.readOnly } }
}
