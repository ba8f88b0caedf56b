import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One open statutory deadline: a coloured edge (red overdue, amber due today), what must happen,
// who acts, and the time left. When a record made here closes the step, a button starts it (act());
// otherwise a hint says what the worker can do instead, so no row is silent.
ItemDelegate {
    id: item

    signal act()

    required property string what
    required property string timeLeft
    required property string dueText
    required property string urgency
    required property string caseTitle
    required property bool canDoHere
    required property string actionText
    required property string whoActs
    required property string hint
    property bool showCase: true

    readonly property color edge: urgency === "overdue" ? "#c62828" : urgency === "today" ? "#f9a825" : "#90a4ae"

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(64, content.implicitHeight + 20)
    leftPadding: 16

    background: Rectangle {
        color: item.urgency === "overdue" ? "#fdecea" : item.urgency === "today" ? "#fff8e1" : "white"
        Rectangle {
            width: 6
            height: parent.height
            color: item.edge
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: "#e3e8ee"
        }
    }

    contentItem: ColumnLayout {
        id: content
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: item.timeLeft
                color: item.urgency === "overdue" ? "#b71c1c" : item.urgency === "today" ? "#8d6e00" : "#37474f"
                font.pixelSize: 15
                font.weight: Font.Bold
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                text: item.dueText
                opacity: 0.7
                font.pixelSize: 13
            }
        }
        Label {
            text: item.what
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            font.pixelSize: 15
            Layout.fillWidth: true
        }
        Label {
            objectName: "deadlineWho"
            text: item.showCase && item.caseTitle.length > 0 ? item.whoActs + " · " + item.caseTitle : item.whoActs
            opacity: 0.7
            font.pixelSize: 13
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "deadlineHint"
            visible: !action.visible && item.hint.length > 0
            text: item.hint
            wrapMode: Text.WordWrap
            font.pixelSize: 13
            font.italic: true
            color: "#37474f"
            Layout.fillWidth: true
        }
        AppButton {
            id: action
            objectName: "deadlineAction"
            visible: item.canDoHere && item.actionText.length > 0
            text: item.actionText
            highlighted: item.urgency === "overdue"
            implicitHeight: 48
            Layout.topMargin: 6
            Layout.maximumWidth: content.width
            onClicked: item.act()
        }
    }
}
