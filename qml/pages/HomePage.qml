import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// Home: statutory deadlines first, then the caseload with search and filters; "new notice" and
// "crisis" always in reach. Two columns in landscape, one in portrait.
Page {
    id: page

    title: qsTr("Caseload")

    // The record that closes the step, prefilled, opened in the form renderer.
    function startStep(model, row) {
        const id = model.startStep(row)
        if (id.length > 0)
            page.StackView.view.push(Qt.resolvedUrl("FormPage.qml"), { recordId: id })
    }

    function openCase(caseId) {
        page.StackView.view.push(Qt.resolvedUrl("CasePage.qml"), { caseId: caseId })
    }

    CaseController { id: creator }
    DeadlineModel { id: deadlines }
    CaseloadModel {
        id: caseload
        searchText: search.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            AppButton {
                objectName: "newNotice"
                text: qsTr("New notice")
                highlighted: true
                implicitHeight: 56
                font.pixelSize: 17
                onClicked: {
                    const ids = creator.createCaseWithNotice()
                    if (ids.recordId) {
                        page.StackView.view.push(Qt.resolvedUrl("CasePage.qml"), { caseId: ids.caseId })
                        page.StackView.view.push(Qt.resolvedUrl("FormPage.qml"), { recordId: ids.recordId })
                    }
                }
            }
            AppButton {
                objectName: "crisis"
                text: qsTr("Crisis")
                implicitHeight: 56
                font.pixelSize: 17
                background: Rectangle { color: parent.down ? "#8e0000" : "#c62828"; radius: 4 }
                contentItem: Label { text: parent.text; color: "white"; font: parent.font; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
                onClicked: page.StackView.view.push(Qt.resolvedUrl("CrisisPage.qml"), {})
            }
            Item { Layout.fillWidth: true }
            SyncSummary { Layout.alignment: Qt.AlignVCenter }
        }

        GridLayout {
            columns: page.width > page.height ? 2 : 1
            columnSpacing: 16
            rowSpacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                Layout.preferredHeight: 2
                padding: 0

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0
                    Label {
                        text: deadlines.overdueCount > 0 ? qsTr("Statutory deadlines (%1 overdue)").arg(deadlines.overdueCount)
                                                         : qsTr("Statutory deadlines")
                        font.pixelSize: 20
                        font.weight: Font.Medium
                        padding: 16
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    ListView {
                        id: deadlineList
                        objectName: "deadlines"
                        model: deadlines
                        clip: true
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        delegate: DeadlineItem {
                            required property string caseId
                            required property int index
                            onClicked: if (caseId.length > 0) page.openCase(caseId)
                            onAct: page.startStep(deadlines, index)
                        }
                        EmptyState {
                            anchors.horizontalCenter: parent.horizontalCenter
                            y: 32
                            width: parent.width * 0.8
                            visible: deadlineList.count === 0
                            headline: qsTr("No open deadlines")
                            hint: qsTr("Deadlines appear here as soon as a notice or an act starts one.")
                        }
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                Layout.preferredHeight: 3
                padding: 16

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    Label {
                        text: qsTr("Families and persons (%1)").arg(caseload.count)
                        font.pixelSize: 20
                        font.weight: Font.Medium
                    }
                    TextField {
                        id: search
                        objectName: "search"
                        placeholderText: qsTr("Search by name, address or phone")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        Layout.fillWidth: true
                        Layout.preferredHeight: 56
                    }
                    Flow {
                        spacing: 8
                        Layout.fillWidth: true
                        ComboBox {
                            objectName: "statusFilter"
                            implicitHeight: 48
                            implicitWidth: 200
                            textRole: "label"
                            valueRole: "value"
                            model: [{ value: "", label: qsTr("All statuses") },
                                    { value: "open", label: qsTr("Open") },
                                    { value: "closed", label: qsTr("Closed") }]
                            onActivated: caseload.statusFilter = currentValue
                        }
                        ComboBox {
                            objectName: "categoryFilter"
                            implicitHeight: 48
                            implicitWidth: 260
                            textRole: "label"
                            valueRole: "code"
                            model: [{ code: "", label: qsTr("All categories") }].concat(caseload.categories)
                            onActivated: caseload.categoryFilter = currentValue
                        }
                        Switch {
                            objectName: "displacedOnly"
                            text: qsTr("Internally displaced")
                            implicitHeight: 48
                            onToggled: caseload.displacedOnly = checked
                        }
                    }
                    ListView {
                        id: caseList
                        objectName: "caseload"
                        model: caseload
                        clip: true
                        reuseItems: true
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        delegate: CaseItem {
                            onClicked: page.openCase(caseId)
                        }
                        ScrollBar.vertical: ScrollBar {}

                        EmptyState {
                            anchors.horizontalCenter: parent.horizontalCenter
                            y: 32
                            width: parent.width * 0.8
                            visible: caseList.count === 0
                            headline: search.text.length > 0 ? qsTr("Nothing found") : qsTr("No cases on this tablet yet")
                            hint: search.text.length > 0 ? qsTr("Try part of a surname, a street or the last digits of a phone number.")
                                                         : qsTr("Cases assigned to you arrive with the next synchronisation.")
                        }
                    }
                }
            }
        }
    }
}
